/* The shared helpers are linked into GTK-free tests. */
#include <adwaita.h>
#include "ra-thing.h"
