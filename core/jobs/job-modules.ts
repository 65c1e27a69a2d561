// Modules that register job kinds (see job-registry.ts). Add one import line per domain.
import './selftest-job';
import '../inventory/plan-job';
import '../alerts/job';
import '../forecast/global/train-job';
