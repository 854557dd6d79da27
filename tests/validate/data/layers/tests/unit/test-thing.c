/* Unit tests see no widgets. */
#include "ra-thing-private.h"
#include "ra-widget.h"
