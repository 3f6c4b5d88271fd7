/** Endpoints per page of the list (shared by the server page and the live client table). */
export const ENDPOINTS_PAGE_SIZE = 20;
