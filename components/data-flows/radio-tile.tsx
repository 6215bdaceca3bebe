import type { ReactNode } from "react";

/**
 * One choice of a tile grid: a real radio button (arrow keys move between the tiles of a
 * group, Space selects), labelled by the tile's title and described by its details. The
 * label stretches over the whole tile so that clicking anywhere on it selects it; `extra`
 * (a link) sits above that, so it stays its own control.
 */
export function RadioTile({
  id,
  name,
  value,
  checked,
  onSelect,
  title,
  details,
  extra,
}: {
  id: string;
  name: string;
  value: string;
  checked: boolean;
  onSelect: (value: string) => void;
  title: string;
  details: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <div
      className={`relative flex flex-col gap-2 rounded-lg border p-4 ${
        checked
          ? "border-indigo-600 bg-indigo-50 ring-2 ring-indigo-200"
          : "border-slate-300 bg-white hover:border-slate-400"
      }`}
    >
      <div className="flex items-start gap-3">
        <input
          id={id}
          type="radio"
          name={name}
          value={value}
          checked={checked}
          onChange={() => onSelect(value)}
          aria-describedby={`${id}-details`}
          className="mt-1 h-4 w-4 shrink-0 accent-indigo-700"
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
      {extra ? <div className="relative pl-7 text-sm">{extra}</div> : null}
    </div>
  );
}
