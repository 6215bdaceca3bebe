/** The recognisable start of each kind of Latchkey secret (DESIGN.md, "Secret formats"). */
export const SECRET_PREFIXES = {
  client_secret: "lk_cs_",
  personal_token: "lk_pat_",
  legacy_key: "lk_legacy_",
} as const;

export type SecretKind = keyof typeof SECRET_PREFIXES;
