// Lints the TypeScript (typescript-eslint, type-checked) and the public schema (STYLE.md):
// graphql-eslint's schema-recommended rules plus its
// Relay rules. Stricter than the preset in one way: every field, argument and enum value
// needs a description, because app developers read them in Sandbox/Studio.
import graphqlPlugin from '@graphql-eslint/eslint-plugin';
import tseslint from 'typescript-eslint';

export default [
  { ignores: ['node_modules/**', 'dist/**', 'src/generated/**', 'examples/client/gql/**', 'eslint.config.js'] },
  // The TypeScript: typescript-eslint's type-checked recommendations, on every .ts file.
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: ['**/*.ts'] })),
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // `async` marks implementations of Promise-returning interfaces (ports, cache stores,
      // Apollo plugin hooks) even without an await: a throw inside becomes a rejection, as
      // callers expect of those interfaces.
      '@typescript-eslint/require-await': 'off',
      // A leading underscore names what is deliberately left unused (a destructured field
      // dropped from a copy, an interface parameter an implementation does not need).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // The gateway loads three of undici's files, not its index (src/vendors/undici-core.ts:
    // the index costs an idle gateway 8 MB of RSS); types from 'undici' cost nothing.
    files: ['src/**/*.ts'],
    ignores: ['src/vendors/undici-core.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'undici', allowTypeImports: true, message: "Import Pool, request and errors from src/vendors/undici-core.ts: undici's index loads all of undici." }] },
      ],
    },
  },
  {
    files: ['schema/**/*.graphql'],
    languageOptions: {
      parser: graphqlPlugin.parser,
      parserOptions: { graphQLConfig: { schema: 'schema/*.graphql' } },
    },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      ...graphqlPlugin.configs['flat/schema-recommended'].rules,
      ...graphqlPlugin.configs['flat/schema-relay'].rules,
      '@graphql-eslint/require-description': [
        'error',
        {
          types: true,
          rootField: true,
          DirectiveDefinition: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
        },
      ],
      // Every vendor API behind the gateway pages forward only (page/per_page, skip/limit,
      // pageIndex/pageSize), so connections take first/after and not last/before.
      '@graphql-eslint/relay-arguments': ['error', { includeBoth: false }],
      // The Relay spec itself defines `nodes(ids:): [Node]!`, and closed sets such as
      // `capabilities` or `recipients` are bounded lists, not pages.
      '@graphql-eslint/relay-edge-types': ['error', { listTypeCanWrapOnlyEdgeType: false }],
      // Relay plumbing has no identity of its own; a Source is identified by its configured
      // `name` (the contract of `recycleBin(source:)` and filters), a RecycleBin by its source,
      // and mutation payloads are per call. Media details, renditions and metadata entries
      // are values of their asset (a vendor's rendition has no id every vendor shares); a
      // job's progress and items are values of their job.
      '@graphql-eslint/strict-id-in-types': [
        'error',
        {
          exceptions: {
            types: ['PageInfo', 'Source', 'RecycleBin', 'UserError', 'ItemError', 'SourceError', 'MediaDetails', 'Rendition', 'MetadataEntry', 'JobProgress', 'JobItem', 'UploadPartTarget'],
            suffixes: ['Connection', 'Edge', 'Payload', 'Result', 'Target'],
          },
        },
      ],
    },
  },
];
