/** speccc's version; a test keeps it equal to package.json's. Part of every cache key. */
export const SPECCC_VERSION = '0.1.0';
