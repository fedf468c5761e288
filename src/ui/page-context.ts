/** What every page needs to know about the request it answers; built once per request in src/http. */
export type PageUser = {
  id: string;
  displayName: string;
  email: string;
  canAdminister: boolean;
  /** Reviews proposals of the call for projects (the programme team, a ministry data administrator). */
  canReviewProposals: boolean;
};

export type PageContext = {
  /** Path of the current page, for the navigation's aria-current. */
  path: string;
  user: PageUser | null;
  /** Nonce of this response's Content-Security-Policy, for the inline scheme script. */
  nonce: string;
  /** Synchronizer token for forms; empty on pages without a form. */
  csrfToken: string;
};
