import type { ComponentType } from 'react';
import { AlertsPage } from './pages/Alerts';
import { CustomerDetailPage } from './pages/CustomerDetail';
import { CustomersPage } from './pages/Customers';
import { DashboardPage } from './pages/Dashboard';
import { EventsPage } from './pages/Events';
import { ImportPage } from './pages/Import';
import { ModelsPage } from './pages/Models';
import { ProductDetailPage } from './pages/ProductDetail';
import { ProductsPage } from './pages/Products';
import { PurchaseOrdersPage } from './pages/PurchaseOrders';
import { ReorderPage } from './pages/Reorder';
import { ReportsPage } from './pages/Reports';
import { SettingsPage } from './pages/Settings';

export interface RouteDef {
  path: string;
  title: string;
  component: ComponentType<{ params: Record<string, string> }>;
  /** Shown in the navigation (screens with their own entry). */
  nav: boolean;
}

/** Every screen of PRODUCT.md §10, each with its own URL. Add one entry per screen. */
export const ROUTES: RouteDef[] = [
  { path: '/dashboard', title: 'Dashboard', component: DashboardPage, nav: true },
  { path: '/reorder', title: 'Reorder', component: ReorderPage, nav: true },
  { path: '/purchase-orders', title: 'Purchase orders', component: PurchaseOrdersPage, nav: true },
  { path: '/products', title: 'Products', component: ProductsPage, nav: true },
  { path: '/products/:id', title: 'Product', component: ProductDetailPage, nav: false },
  { path: '/alerts', title: 'Alerts', component: AlertsPage, nav: true },
  { path: '/customers', title: 'Customers', component: CustomersPage, nav: true },
  { path: '/customers/:id', title: 'Customer', component: CustomerDetailPage, nav: false },
  { path: '/import', title: 'Import', component: ImportPage, nav: true },
  { path: '/events', title: 'Events', component: EventsPage, nav: true },
  { path: '/models', title: 'Models', component: ModelsPage, nav: true },
  { path: '/reports', title: 'Reports', component: ReportsPage, nav: true },
  { path: '/settings', title: 'Settings', component: SettingsPage, nav: true },
];
