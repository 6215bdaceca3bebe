export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <p className="text-sm font-semibold text-indigo-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Page not found</h1>
      <p className="mt-3 text-slate-600">It may have been deleted, or it belongs to another organization.</p>
      <a href="/" className="mt-6 inline-block text-indigo-700 underline">
        Back to the dashboard
      </a>
    </main>
  );
}
