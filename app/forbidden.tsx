export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <p className="text-sm font-semibold text-indigo-700">403</p>
      <h1 className="mt-2 text-2xl font-semibold">You do not have access to this page.</h1>
      <p className="mt-3 text-slate-600">
        Administration is limited to console administrators. Ask one of your organization's administrators if
        you need access.
      </p>
      <a href="/" className="mt-6 inline-block text-indigo-700 underline">
        Back to the dashboard
      </a>
    </main>
  );
}
