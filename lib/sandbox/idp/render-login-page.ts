import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

const TEXT = {
  en: {
    title: "Sign in to Xinghe Technology",
    subtitle: "Company single sign-on (embedded demo identity provider)",
    login: "Username or e-mail",
    password: "Password",
    submit: "Sign in",
    cancel: "Cancel",
    error: "Wrong username or password.",
    throttled: (m: number) =>
      `Too many failed sign-in attempts. Try again in ${m} minute${m === 1 ? "" : "s"}.`,
    demo: "Demo accounts — password",
  },
  zh: {
    title: "登录星河科技",
    subtitle: "企业统一身份认证（内置演示身份提供方）",
    login: "用户名或邮箱",
    password: "密码",
    submit: "登录",
    cancel: "取消",
    error: "用户名或密码错误。",
    throttled: (m: number) => `登录失败次数过多，请 ${m} 分钟后再试。`,
    demo: "演示账号 — 密码",
  },
};

/** The IdP's own sign-in page: plain HTML, no script, labelled fields. */
export function renderLoginPage(opts: {
  uid: string;
  error: boolean;
  /** Set when sign-in is refused for too many failures: minutes to wait. */
  throttledMinutes?: number;
  login: string;
  locale?: string;
}): string {
  const lang = opts.locale?.toLowerCase().startsWith("zh") ? "zh" : "en";
  const t = TEXT[lang];
  const rows = DEMO_ACCOUNTS.map(
    (a) =>
      `<tr><td><code>${escape(a.login)}</code></td><td>${escape(a.name)}</td><td>${escape(a.description[lang])}</td></tr>`,
  ).join("");
  return `<!doctype html>
<html lang="${lang === "zh" ? "zh-CN" : "en"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${t.title}</title>
<style>
body{font-family:system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;background:#f3f5f9;margin:0;display:grid;place-items:center;min-height:100vh;color:#1d2433}
main{background:#fff;border-radius:14px;box-shadow:0 4px 24px #0001;padding:2rem 2.2rem;width:min(440px,92vw)}
h1{font-size:1.35rem;margin:0 0 .3rem}p.sub{color:#5b6478;margin:0 0 1.4rem;font-size:.9rem}
label{display:block;font-size:.85rem;font-weight:600;margin:.9rem 0 .3rem}
input{width:100%;box-sizing:border-box;padding:.6rem .7rem;border:1px solid #c9cfdb;border-radius:8px;font-size:1rem}
.row{display:flex;gap:.6rem;margin-top:1.3rem}button{flex:1;padding:.65rem;border-radius:8px;border:0;font-size:1rem;cursor:pointer}
button[type=submit]{background:#2f6fdf;color:#fff}button.secondary{background:#e8ebf2;color:#1d2433}
.error{background:#fde8e8;color:#9b1c1c;padding:.6rem .8rem;border-radius:8px;font-size:.9rem}
table{width:100%;font-size:.8rem;border-collapse:collapse;margin-top:.5rem}td{padding:.2rem .3rem;border-top:1px solid #eef0f5}
details{margin-top:1.4rem;color:#5b6478;font-size:.85rem}
</style></head><body><main>
<h1>${t.title}</h1><p class="sub">${t.subtitle}</p>
${opts.throttledMinutes ? `<p class="error" role="alert">${t.throttled(opts.throttledMinutes)}</p>` : opts.error ? `<p class="error" role="alert">${t.error}</p>` : ""}
<form method="post" action="/interaction/${escape(opts.uid)}/login">
<label for="login">${t.login}</label><input id="login" name="login" autocomplete="username" required value="${escape(opts.login)}" autofocus>
<label for="password">${t.password}</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<div class="row"><button type="submit">${t.submit}</button>
<button type="submit" class="secondary" formaction="/interaction/${escape(opts.uid)}/abort" formnovalidate>${t.cancel}</button></div>
</form>
<details open><summary>${t.demo} <code>${DEMO_PASSWORD}</code></summary><table>${rows}</table></details>
</main></body></html>`;
}
