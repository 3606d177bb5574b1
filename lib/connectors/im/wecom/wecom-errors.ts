import { ConnectorError, type ConnectorErrorKind } from "../../core/connector-error";

// WeCom global error codes (企业微信全局错误码), as transcribed by WxJava's WxCpErrorMsgEnum.
const KIND_BY_CODE: Record<number, ConnectorErrorKind> = {
  [-1]: "transient", // system busy: retry
  40001: "auth", // invalid secret
  40013: "auth", // invalid corpid
  40014: "auth", // invalid access_token
  40091: "auth", // secret of another corp
  41001: "auth", // missing access_token
  41004: "auth", // missing secret
  42001: "auth", // access_token expired
  48002: "auth", // API not permitted for this secret
  50002: "auth", // member outside the app's visible range
  60011: "auth", // no permission on member/department/tag
  60020: "auth", // egress IP not in the trusted list
  45009: "throttled", // frequency limit
  45033: "throttled", // concurrency limit
  46004: "not_found", // user does not exist
  60003: "not_found", // department id does not exist
  60111: "not_found", // userid does not exist
  60005: "conflict", // department still has members
  60006: "conflict", // department still has sub-departments
  60008: "conflict", // department id or name exists
  60010: "conflict", // department cycle
  60102: "conflict", // userid exists
  60104: "conflict", // mobile exists
  60106: "conflict", // email exists
};

/** Codes meaning "fetch a new access_token and try again". */
export const WECOM_TOKEN_INVALID = new Set([40014, 41001, 42001]);

export function wecomError(
  errcode: number,
  errmsg: string | undefined,
  what: string,
): ConnectorError {
  return new ConnectorError({
    kind: KIND_BY_CODE[errcode] ?? "invalid",
    platform: "wecom",
    code: String(errcode),
    message: `${what}: ${errmsg || "error"} (errcode ${errcode})`,
    tokenInvalid: WECOM_TOKEN_INVALID.has(errcode),
  });
}
