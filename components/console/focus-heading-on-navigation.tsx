"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * After a client-side navigation that left focus nowhere (the control that had it went away
 * with the old page, e.g. a dialog's last button), focus the new page's heading, so keyboard
 * and screen reader users continue from the top of the page they landed on. Next.js leaves
 * focus alone on navigation; focus that is still somewhere (a header link) stays there.
 */
export function FocusHeadingOnNavigation() {
  const pathname = usePathname();
  const firstRender = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per navigation, on the new path.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const heading = document.querySelector<HTMLElement>("main h1");
    if (!heading) return;
    if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
    heading.focus();
  }, [pathname]);
  return null;
}
