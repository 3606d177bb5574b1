import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Form } from "./form";
import { useHydrated } from "./use-hydrated";

// The server half of the hydration gate: the HTML a browser shows before React hydrates it.
// The client half (enabled once hydrated, input then seen) is e2e/hydration.spec.ts, in Chromium.

function HydratedProbe() {
  return createElement("output", null, String(useHydrated()));
}

/** The server's HTML for a form holding a field and a submit button. */
function serverHtml(props: { disabled?: boolean } = {}) {
  return renderToString(
    createElement(
      Form,
      { "aria-label": "Settings", noValidate: true, className: "grid gap-4", ...props },
      createElement("input", { name: "days", defaultValue: "14" }),
      createElement("button", { type: "submit" }, "Save"),
    ),
  );
}

describe("useHydrated", () => {
  it("is false in the server render", () => {
    expect(renderToString(createElement(HydratedProbe))).toBe("<output>false</output>");
  });
});

describe("Form", () => {
  it("renders every control inside a disabled fieldset on the server", () => {
    expect(serverHtml()).toBe(
      '<form aria-label="Settings" noValidate="" class="grid gap-4">' +
        '<fieldset disabled="" role="none" class="contents">' +
        '<input name="days" value="14"/><button type="submit">Save</button>' +
        "</fieldset></form>",
    );
  });

  it("stays disabled on the server when the form itself would be enabled", () => {
    expect(serverHtml({ disabled: false })).toContain('<fieldset disabled=""');
  });
});
