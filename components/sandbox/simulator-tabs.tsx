"use client";
import { useTranslations } from "next-intl";
import { useRef, useState, type KeyboardEvent } from "react";
import type { HrSimulationKind } from "@/lib/sandbox/console/hr-simulation-schema";
import type { HrDepartmentOption } from "@/lib/sandbox/console/list-hr-departments";
import { cn } from "@/lib/core/cn";
import { BulkHireForm, BulkTerminateForm } from "./bulk-forms";
import { MoveDepartmentForm, RenameDepartmentForm } from "./department-forms";
import { HireForm, TerminateForm, TransferForm, WithdrawTransferForm } from "./employee-forms";

const KINDS: HrSimulationKind[] = [
  "hire",
  "transfer",
  "withdrawTransfer",
  "terminate",
  "renameDepartment",
  "moveDepartment",
  "bulkHire",
  "bulkTerminate",
];

/** One tab per simulation; only the open one's form is mounted. Arrow keys move between tabs. */
export function SimulatorTabs({ departments }: { departments: HrDepartmentOption[] }) {
  const t = useTranslations("hrSimulator");
  const [active, setActive] = useState<HrSimulationKind>("hire");
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (e: KeyboardEvent) => {
    const i = KINDS.indexOf(active);
    const next =
      e.key === "ArrowRight"
        ? (i + 1) % KINDS.length
        : e.key === "ArrowLeft"
          ? (i - 1 + KINDS.length) % KINDS.length
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? KINDS.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    setActive(KINDS[next]);
    tabs.current[next]?.focus();
  };

  const form = {
    hire: <HireForm departments={departments} />,
    transfer: <TransferForm departments={departments} />,
    withdrawTransfer: <WithdrawTransferForm />,
    terminate: <TerminateForm />,
    renameDepartment: <RenameDepartmentForm departments={departments} />,
    moveDepartment: <MoveDepartmentForm departments={departments} />,
    bulkHire: <BulkHireForm departments={departments} />,
    bulkTerminate: <BulkTerminateForm />,
  }[active];

  return (
    <div>
      <div
        role="tablist"
        aria-label={t("tabsLabel")}
        className="mb-4 flex flex-wrap gap-1 border-b"
        onKeyDown={onKeyDown}
      >
        {KINDS.map((kind, i) => (
          <button
            key={kind}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`sim-tab-${kind}`}
            aria-selected={active === kind}
            aria-controls="sim-panel"
            tabIndex={active === kind ? 0 : -1}
            onClick={() => setActive(kind)}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
              active === kind
                ? "border-primary text-foreground"
                : "border-transparent text-muted-foreground hover:text-foreground",
            )}
          >
            {t(`tabs.${kind}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="sim-panel" aria-labelledby={`sim-tab-${active}`}>
        {/* key: a fresh form per tab, so one tab's errors never show on another */}
        <div key={active}>{form}</div>
      </div>
    </div>
  );
}
