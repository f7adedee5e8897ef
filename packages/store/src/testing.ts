// Fixtures for packages and apps that test with the store.
export { acfOrderStatusBot } from './testing/acf-order-status.fixture.js';
