import { NotFoundMessage } from "@/components/console/status-messages";

/** 404 for an address no route matches: outside the console's layout, so it brings its own <main>. */
export default function NotFound() {
  return (
    <main>
      <NotFoundMessage />
    </main>
  );
}
