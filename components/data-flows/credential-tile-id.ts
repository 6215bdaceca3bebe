/** The id of a credential tile's radio, for moving focus to a tile just added. */
export const credentialTileId = (credentialId: string) => `credential-${credentialId}`;
