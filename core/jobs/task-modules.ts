// Modules that register pool tasks (see tasks.ts). Add one import line per domain.
import './tasks';
import '../forecast/tasks';
