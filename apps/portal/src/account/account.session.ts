declare module 'express-session' {
  interface SessionData {
    /** The address just registered (the "check your email" page names it). */
    registeredEmail?: string;
    /** The address a forgotten-password link was just asked for. */
    forgotEmail?: string;
  }
}

export {};
