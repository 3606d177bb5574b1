// Port and folder layouts: `dev` for people, `e2e` for Playwright (so both can run at once).
export type Profile = {
  name: string;
  dataDir: string;
  ports: {
    app: number;
    postgres: number;
    idp: number;
    sandboxIm: number;
    sandboxHr: number;
    sandboxCallbacks: number;
    executor: number;
    /** The functions worker (scripts/functions-worker.ts), production only. */
    functions: number;
  };
};

export const profiles = {
  dev: {
    name: "dev",
    dataDir: ".data",
    ports: {
      app: 3000,
      postgres: 54329,
      idp: 3100,
      sandboxIm: 3201,
      sandboxHr: 3202,
      sandboxCallbacks: 3203,
      executor: 8288,
      functions: 3010,
    },
  },
  e2e: {
    name: "e2e",
    dataDir: ".data/e2e",
    ports: {
      app: 3300,
      postgres: 54349,
      idp: 3400,
      sandboxIm: 3501,
      sandboxHr: 3502,
      sandboxCallbacks: 3503,
      executor: 3288,
      functions: 3310,
    },
  },
} satisfies Record<string, Profile>;
