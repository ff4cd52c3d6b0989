'use client';

import { ApiReferenceReact } from '@scalar/api-reference-react';
import '@scalar/api-reference-react/style.css';
import type { Locale } from '@/lib/enums';

// Scalar's API reference, drawn in the browser from the document this app serves. Everything
// it needs comes from this app's own bundle: no fonts, scripts or proxy from Scalar's servers
// (the page's Content-Security-Policy allows only this origin to be reached anyway).
const ScalarReference = ({ locale }: { locale: Locale }) => (
  <ApiReferenceReact
    configuration={{
      url: `/api/v1/openapi.json?lang=${locale}`,
      localization: { locale },
      withDefaultFonts: false,
      telemetry: false,
      agent: { disabled: true },
      mcp: { disabled: true },
      // Scalar's own toolbar and SDK offer (shown on localhost) lead to its hosted services.
      showDeveloperTools: 'never',
      forceDarkModeState: 'light',
      hideDarkModeToggle: true,
      documentDownloadType: 'json',
      showOperationId: true,
      defaultOpenAllTags: true,
      // The page keeps its own address; the reference does not rewrite it as it scrolls.
      urlRouting: false,
    }}
  />
);

export default ScalarReference;
