/* The simulator's tests never see core. */
#include "ra-thing.h"
