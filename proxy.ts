import { NextResponse, type NextRequest } from "next/server";

// Passes the requested path to server components, so a page that needs sign-in
// can send the person back where they were going.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-orgbridge-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/((?!_next/|api/|favicon.svg).*)"] };
