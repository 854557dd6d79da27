#pragma once
/* Closes an include loop with ra-widget.h. */
#include "ra-widget.h"
