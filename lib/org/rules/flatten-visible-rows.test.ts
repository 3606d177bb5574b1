import { describe, expect, it } from "vitest";
import { flattenVisibleRows, indexTree } from "./flatten-visible-rows";

const NODES = [
  { id: "1", code: "XH", name: "星河科技", parentId: null },
  { id: "2", code: "XH-RD", name: "研发中心", parentId: "1" },
  { id: "3", code: "XH-RD-FE", name: "前端开发部", parentId: "2" },
  { id: "4", code: "XH-RD-FE-01", name: "前端开发部一组", parentId: "3" },
  { id: "5", code: "XH-RD-BE", name: "后端开发部", parentId: "2" },
  { id: "6", code: "XH-HR", name: "人力资源部", parentId: "1" },
];
const index = indexTree(NODES);
const codes = (rows: { node: { code: string } }[]) => rows.map((r) => r.node.code);

describe("flattenVisibleRows", () => {
  it.each([
    { name: "collapsed shows roots", expanded: [], query: "", want: ["XH"] },
    {
      name: "expanded root shows children sorted by code",
      expanded: ["1"],
      query: "",
      want: ["XH", "XH-HR", "XH-RD"],
    },
    {
      name: "depth-first",
      expanded: ["1", "2"],
      query: "",
      want: ["XH", "XH-HR", "XH-RD", "XH-RD-BE", "XH-RD-FE"],
    },
    {
      name: "search shows matches with ancestors open",
      expanded: [],
      query: "前端",
      want: ["XH", "XH-RD", "XH-RD-FE", "XH-RD-FE-01"],
    },
    {
      name: "search by code, case-insensitive",
      expanded: [],
      query: "xh-hr",
      want: ["XH", "XH-HR"],
    },
    {
      name: "a match the user opens shows all its children",
      expanded: ["2"],
      query: "后端",
      want: ["XH", "XH-RD", "XH-RD-BE", "XH-RD-FE"],
    },
    { name: "no match shows nothing", expanded: [], query: "nope", want: [] },
  ])("$name", ({ expanded, query, want }) => {
    expect(codes(flattenVisibleRows(index, { expanded: new Set(expanded), query }))).toEqual(want);
  });
});
