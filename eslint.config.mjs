import next from "eslint-config-next";

export default [
  { ignores: ["lib/generated/**", ".next/**", ".data/**", "node_modules/**", "bench/out/**"] },
  ...next,
];
