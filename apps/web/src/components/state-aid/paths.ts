/** Where the state-aid pages live. */
export const stateAidRoutes = {
  undertakings: "/admin/state-aid",
  ledger: "/admin/state-aid/ledger",
  /** The ledger filtered to one organisation. */
  ledgerFor: (organizationId: string) =>
    `/admin/state-aid/ledger?organization=${encodeURIComponent(organizationId)}`,
  /** The ledger filtered to one undertaking group. */
  ledgerForGroup: (groupId: string) =>
    `/admin/state-aid/ledger?group=${encodeURIComponent(groupId)}`,
  export: "/admin/state-aid/export",
};
