/* The simulator uses no core code. */
#include "ra-thing.h"
