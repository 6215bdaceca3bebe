/**
 * Imported by tests that hash secrets: a fixed pepper keeps a test run on a database server
 * from generating a pepper file in the working tree's data folder. Never imported by app code.
 */
process.env.LATCHKEY_SECRET_PEPPER ??= "latchkey-unit-test-pepper-not-for-production-use";
