// Modules that register job kinds (see job-registry.ts). Add one import line per domain.
import './selftest-job';
import '../import/jobs';
import '../demo/job';
import '../planning/forecast-job';
import '../inventory/plan-job';
import '../alerts/job';
import '../forecast/global/train-job';
import '../customers/job';
