// Agents.h: $262.agent (INTERPRETING.md): agents are threads of the test tool, each with its own runtime,
// sharing SharedArrayBuffer blocks and the Atomics waiter list of quickjs-libc (js_std_init_shared_memory).
#pragma once

#include "quickjs.h"

namespace test262 {

struct AgentHub; // the agents one test started, their reports and the broadcast in flight

// Defines start, broadcast, getReport, sleep and monotonicNow on the main realm's `$262.agent` (false
// with an exception pending on failure).
bool install_agent_functions(JSContext* ctx, JSValueConst agent);
// Binds them again in a runtime restored from a snapshot.
void rebind_agent_functions(JSRuntime* rt);
// Stops every agent of the hub (waits are interrupted, scripts stopped), joins their threads and frees
// the hub. Null is fine.
void free_agent_hub(AgentHub* hub);
// True once the test started an agent (its memory is shared: no snapshot round trip then).
bool hub_has_agents(const AgentHub* hub);

} // namespace test262
