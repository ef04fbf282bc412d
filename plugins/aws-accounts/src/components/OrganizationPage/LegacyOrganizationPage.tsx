import { Header, Page } from '@backstage/core-components';
import { OrganizationPage } from './OrganizationPage';

/**
 * The organization page with the page frame that apps on the legacy
 * frontend system expect a routable extension to bring.
 *
 * @internal
 */
export function LegacyOrganizationPage() {
  return (
    <Page themeId="tool">
      <Header
        title="AWS accounts"
        subtitle="Security posture of every account you may read"
      />
      <OrganizationPage />
    </Page>
  );
}
