import next from "eslint-config-next";

const config = [
  {
    ignores: [
      "lib/generated/**",
      ".next/**",
      ".data/**",
      "node_modules/**",
      "bench/out/**",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  ...next,
];

export default config;
