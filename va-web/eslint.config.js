// ESLint (flat config) for the UI's plain ES modules and their Node unit tests: the recommended
// rules, for code that runs in a browser without a build step.
import js from '@eslint/js';

const browser = Object.fromEntries([
  'window', 'document', 'navigator', 'location', 'history', 'localStorage', 'sessionStorage', 'fetch',
  'URL', 'URLSearchParams', 'FormData', 'Blob', 'File', 'FileReader', 'AbortController', 'Event',
  'CustomEvent', 'KeyboardEvent', 'MouseEvent', 'HTMLElement', 'HTMLInputElement', 'HTMLTextAreaElement',
  'HTMLSelectElement', 'HTMLVideoElement', 'Element', 'Node', 'IntersectionObserver', 'ResizeObserver',
  'MutationObserver', 'requestAnimationFrame', 'cancelAnimationFrame', 'setTimeout', 'clearTimeout',
  'setInterval', 'clearInterval', 'console', 'getComputedStyle', 'matchMedia', 'performance', 'queueMicrotask',
  'structuredClone', 'DOMException', 'Intl', 'confirm', 'alert', 'prompt', 'TextEncoder', 'TextDecoder',
].map((name) => [name, 'readonly']));

export default [
  js.configs.recommended,
  {
    files: ['src/main/resources/web/js/**/*.js', 'src/test/js/**/*.mjs'],
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: browser },
    rules: {
      'no-unused-vars': ['error', { args: 'none' }],
    },
  },
];
