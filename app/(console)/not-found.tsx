import { NotFoundMessage } from "@/components/console/status-messages";

/** 404 for a console page's missing record (a user, role or client), under the console's header. */
export default function ConsoleNotFound() {
  return <NotFoundMessage />;
}
