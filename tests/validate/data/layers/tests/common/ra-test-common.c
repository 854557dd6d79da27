/* The GLib-only helpers, linked by the simulator's tests. */
#include "ra-thing.h"
