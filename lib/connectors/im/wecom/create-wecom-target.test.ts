import { startFakeWecomServer } from "../../testing/fake-wecom-server";
import { describeWecomContract } from "../../testing/wecom-contract";

const creds = { corpId: "ww-fake", corpSecret: "fake-secret", agentId: 1000002 };

describeWecomContract("recorded-shape fake", async () => {
  const server = await startFakeWecomServer(creds);
  return { ...creds, baseUrl: server.url, faults: server, close: server.close };
});
