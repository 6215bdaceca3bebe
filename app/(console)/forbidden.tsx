import { ForbiddenMessage } from "@/components/console/status-messages";

/** 403 inside the console (Admin for a member without console administration), under its header. */
export default function Forbidden() {
  return <ForbiddenMessage />;
}
