/**
 * A full page load to `path`. Used after changes that alter which organisations the person
 * belongs to (create, accept, leave): the signed-in shell (switcher, sidebar) is rendered by a
 * layout that client-side navigation keeps, so it must be loaded afresh.
 */
export function reloadAt(path: string): void {
  window.location.assign(path);
}
