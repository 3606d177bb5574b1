import { describe, expect, it } from "vitest";
import { toReadableMessage } from "./readable-message";

describe("toReadableMessage", () => {
  it.each([
    [
      "text keeps its line breaks in one block",
      { msgtype: "text", text: "你好\n欢迎加入" },
      { blocks: [{ kind: "text", text: "你好\n欢迎加入" }] },
    ],
    ["empty text has no blocks", { msgtype: "text", text: "" }, { blocks: [] }],
    [
      "markdown headings, quotes, bold, links and font colours",
      {
        msgtype: "markdown",
        text: '## 入职提醒\n> 部门：<font color="info">前端开发部</font>\n请查看 **员工手册**：[手册](https://x.example/h)\n\n`E00001`',
      },
      {
        blocks: [
          { kind: "heading", text: "入职提醒" },
          { kind: "quote", text: "部门：前端开发部" },
          { kind: "text", text: "请查看 员工手册：手册 (https://x.example/h)" },
          { kind: "text", text: "E00001" },
        ],
      },
    ],
    [
      "textcard: title, one line per div, entities decoded",
      {
        msgtype: "textcard",
        title: "调岗通知",
        text: '<div class="gray">2026-01-02</div><div class="normal">A &amp; B</div>第三行<br/>第四行',
      },
      {
        title: "调岗通知",
        blocks: [
          { kind: "text", text: "2026-01-02" },
          { kind: "text", text: "A & B" },
          { kind: "text", text: "第三行" },
          { kind: "text", text: "第四行" },
        ],
      },
    ],
    [
      "an unknown type shows its text as is",
      { msgtype: "news", title: "T", text: "<b>x</b>" },
      { title: "T", blocks: [{ kind: "text", text: "<b>x</b>" }] },
    ],
  ])("%s", (_name, input, expected) => {
    expect(toReadableMessage(input)).toEqual(expected);
  });
});
