import type { ReactNode } from "react";

/**
 * One choice of a tile grid: a real radio button of its step's form (arrow keys move between
 * the tiles of a group, Space selects, Enter sends the form), labelled by the tile's title and
 * described by its details. It works before the page's scripts have loaded. The label
 * stretches over the whole tile so that clicking anywhere on it selects it; the radio and
 * `extra` (a link) sit above that, so they stay their own controls.
 */
export function RadioTile({
  id,
  name,
  value,
  checked,
  title,
  details,
  extra,
}: {
  id: string;
  name: string;
  value: string;
  checked: boolean;
  title: string;
  details: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <div className="relative flex flex-col gap-2 rounded-lg border border-slate-300 bg-white p-4 hover:border-slate-400 has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50 has-[:checked]:ring-2 has-[:checked]:ring-indigo-200">
      <div className="flex items-start gap-3">
        <input
          id={id}
          type="radio"
          name={name}
          value={value}
          defaultChecked={checked}
          aria-describedby={`${id}-details`}
          className="relative z-10 mt-1 h-4 w-4 shrink-0 accent-indigo-700"
        />
        <div className="min-w-0 space-y-1">
          <label
            htmlFor={id}
            className="block cursor-pointer font-medium text-slate-900 after:absolute after:inset-0 after:content-['']"
          >
            {title}
          </label>
          <div id={`${id}-details`} className="space-y-1 text-sm text-slate-600">
            {details}
          </div>
        </div>
      </div>
      {extra ? <div className="relative z-10 pl-7 text-sm">{extra}</div> : null}
    </div>
  );
}
