import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Admin" };

const SECTIONS = [
  {
    title: "Security & Integrations",
    links: [
      {
        href: "/admin/api-settings",
        label: "API Settings",
        description: "API access clients, their permissions, allowed IP addresses and secrets.",
      },
      {
        href: "/admin/api-settings/security",
        label: "Security",
        description: "Security level (Legacy, High, Extra High) and token expiration settings.",
      },
      {
        href: "/admin/api-settings/tokens",
        label: "Personal tokens",
        description: "Every personal token in the organization; revoke any of them.",
      },
      {
        href: "/admin/credentials",
        label: "Credentials",
        description:
          "What Latchkey signs in with to reach other systems (Axonius) for data flows: test, edit, replace, delete.",
      },
      {
        href: "/admin/webhooks",
        label: "Webhooks",
        description:
          "URLs Latchkey tells about expiring tokens and secrets, disabled clients and failing data flows, with signed deliveries and their log.",
      },
      {
        href: "/admin/audit-log",
        label: "Audit log",
        description:
          "Who did what, when and from where: every change and security event, filtered, searched and exported.",
      },
    ],
  },
  {
    title: "Users & Roles",
    links: [
      {
        href: "/admin/users",
        label: "Users",
        description: "Create users, change their role, deactivate them.",
      },
      {
        href: "/admin/roles",
        label: "Roles",
        description: "What each role may do in the console and through the API.",
      },
    ],
  },
] as const;

/** An id without spaces: aria-labelledby reads a space-separated list of ids. */
const sectionHeadingId = (title: string) => `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;

export default function AdminPage() {
  return (
    <>
      <PageHeader title="Admin" description="Settings for your whole organization." />
      <div className="grid gap-6 lg:grid-cols-2">
        {SECTIONS.map((section) => (
          <section
            key={section.title}
            aria-labelledby={sectionHeadingId(section.title)}
            className="rounded-lg border border-slate-200 bg-white p-5"
          >
            <h2 id={sectionHeadingId(section.title)} className="mb-3 text-lg font-semibold">
              {section.title}
            </h2>
            <ul className="space-y-3">
              {section.links.map((link) => (
                <li key={link.href}>
                  <Link href={link.href} className="font-medium text-indigo-700 hover:underline">
                    {link.label}
                  </Link>
                  <p className="text-sm text-slate-600">{link.description}</p>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
