// Plain shapes the org mapping screen receives from the server (no Prisma types: client components import them).
import type { MappingMode } from "@/lib/sync/types";

/** mapped: own MIRROR/LINK; inherited: an ancestor's MIRROR/LINK; excluded: own or inherited EXCLUDE; unmapped: nothing governs it. */
export type MappingStatus = "mapped" | "inherited" | "excluded" | "unmapped";

export type UnitMapping = {
  mode: MappingMode;
  includeDescendants: boolean;
  namingTemplate: string;
  /** LINK target. */
  imGroupExternalId?: string;
  /** LINK target's name as last seen. */
  imGroupName?: string;
};

export type OrgTreeUnit = {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  /** Parent's id, null for a top-level unit (or one whose parent is closed). */
  parentId: string | null;
  /** Employees (not terminated) directly in the unit. */
  directCount: number;
  /** Employees (not terminated) in the unit and all units below it. */
  subtreeCount: number;
  /** The unit's own mapping for the chosen connection. */
  own: UnitMapping | null;
  /** The mapping that governs the unit, as the sync planner resolves it. */
  effective: (UnitMapping & { fromUnitCode: string }) | null;
  status: MappingStatus;
};

export type OrgMappingSummary = {
  mapped: number;
  inherited: number;
  excluded: number;
  unmapped: number;
  /** Employees (not terminated) whose unit no mapping governs. */
  unmappedEmployees: number;
};

/** An IM group offered as a LINK target. */
export type LinkableImGroup = {
  externalId: string;
  name: string;
  /** Names from the top-level group down to this one, joined by " / ". */
  path: string;
};
