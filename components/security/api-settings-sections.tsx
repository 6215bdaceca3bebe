import Link from "next/link";

const SECTIONS = [
  { href: "/admin/api-settings", label: "API Access Clients" },
  { href: "/admin/api-settings/security", label: "Security" },
  { href: "/admin/api-settings/tokens", label: "Personal tokens" },
] as const;

/** The sections of API Settings, as tabs; `current` is the open one. */
export function ApiSettingsSections({ current }: { current: (typeof SECTIONS)[number]["href"] }) {
  return (
    <nav aria-label="API Settings sections" className="mb-6 flex gap-1 border-b border-slate-200 text-sm">
      {SECTIONS.map((section) => (
        <Link
          key={section.href}
          href={section.href}
          aria-current={section.href === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 ${section.href === current ? "border-indigo-700 font-medium text-indigo-800" : "border-transparent text-slate-600 hover:text-slate-900"}`}
        >
          {section.label}
        </Link>
      ))}
    </nav>
  );
}
