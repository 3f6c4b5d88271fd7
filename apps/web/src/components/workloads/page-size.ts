/** Jobs per page of the job list (shared by the server page and the live client table). */
export const JOBS_PAGE_SIZE = 20;
