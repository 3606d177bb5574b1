// WeCom error codes the sandbox answers with. Source: WeCom's global error code page
// (企业微信全局错误码, https://developer.work.weixin.qq.com/document/path/90313) as transcribed
// by WxJava's WxCpErrorMsgEnum. Codes marked (unverified) are our best reading of which code the
// real API returns in that exact situation; the code itself exists in the list.
export const WC = {
  BUSY: -1,
  INVALID_SECRET: 40001, // 不合法的secret参数
  INVALID_USERID: 40003, // 无效的UserID (also an unknown or second direct_leader: unverified)
  INVALID_MSGTYPE: 40008, // 不合法的msgtype参数
  INVALID_CORPID: 40013, // 不合法的CorpID
  INVALID_TOKEN: 40014, // 不合法的access_token
  USERID_LIST_INVALID: 40031, // 不合法的UserID列表 (batchdelete with unknown ids: unverified)
  USERID_LIST_LENGTH: 40032, // 不合法的UserID列表长度 (touser > 1000, useridlist > 200: unverified)
  INVALID_AGENTID: 40056, // 不合法的agentid
  INVALID_PARAM: 40058, // 不合法的参数 (list_id limit out of range: unverified)
  MISSING_TOKEN: 41001, // 缺少access_token参数
  MISSING_USERID: 41009, // 缺少userid参数
  TOKEN_EXPIRED: 42001, // access_token已过期
  EMPTY_CONTENT: 44004, // 文本消息content参数为空
  FREQUENCY: 45009, // 接口调用超过限制
  BAD_JSON: 47001, // 数据格式错误 (a WeChat-family code; unverified for WeCom)
  DEPT_NAME_LENGTH: 60001, // 部门长度不符合限制
  DEPT_NOT_FOUND: 60003, // 部门ID不存在
  PARENT_NOT_FOUND: 60004, // 父部门不存在
  DEPT_HAS_MEMBERS: 60005, // 部门下存在成员
  DEPT_HAS_CHILDREN: 60006, // 部门下存在子部门
  DEPT_ROOT: 60007, // 不允许删除根部门
  DEPT_EXISTS: 60008, // 部门已存在 (id or sibling name)
  DEPT_NAME_CHARS: 60009, // 部门名称含有非法字符
  DEPT_CYCLE: 60010, // 部门存在循环关系
  USERID_EXISTS: 60102, // UserID已存在
  MOBILE_INVALID: 60103, // 手机号码不合法
  MOBILE_EXISTS: 60104, // 手机号码已存在
  EMAIL_INVALID: 60105, // 邮箱不合法
  EMAIL_EXISTS: 60106, // 邮箱已存在
  TOO_MANY_DEPTS: 60110, // 用户所属部门数量超过限制
  USER_NOT_FOUND: 60111, // UserID不存在
  NAME_INVALID: 60112, // 成员name参数不合法
  INVALID_DEPT_ID: 60123, // 无效的部门id (unknown department in a member's list: unverified)
  NO_CONTACT: 60129, // 成员手机和邮箱都为空
  DEPT_LIMIT: 81001, // 部门下的结点数超过限制（3W）
  DEPT_DEPTH: 81002, // 部门最多15层
  NO_VALID_RECIPIENT: 81013, // UserID、部门ID、标签ID全部非法或无权限
  CHAT_NOT_EXTERNAL: 90501, // 非客户群 (onjob_transfer of an unknown chat id: unverified)
} as const;

/** Thrown by handlers; the router turns it into `{errcode, errmsg}` with HTTP 200. */
export class WecomFailure extends Error {
  constructor(
    readonly errcode: number,
    errmsg: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(errmsg);
  }
}

export function fail(errcode: number, errmsg: string, extra?: Record<string, unknown>): never {
  throw new WecomFailure(errcode, errmsg, extra);
}
