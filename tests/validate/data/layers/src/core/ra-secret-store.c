/* The secret store may use libsecret. */
#include <libsecret/secret.h>
