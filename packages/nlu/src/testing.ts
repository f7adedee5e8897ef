// Test helpers other packages use: a loopback server speaking OpenAI's chat completions protocol.
export {
  startFakeOpenAiServer,
  findClosedPort,
  chatCompletionBody,
} from './llm/test-support/fake-openai-server.js';
export type {
  FakeOpenAiServer,
  FakeStep,
  FakeRequest,
} from './llm/test-support/fake-openai-server.js';
