echo "the failing example's sources"
