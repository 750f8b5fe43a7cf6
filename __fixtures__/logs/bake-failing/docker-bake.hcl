group "default" {
  targets = ["app", "test"]
}
target "app" {
  dockerfile = "Dockerfile"
  network = "none"
}
target "test" {
  dockerfile = "test.Dockerfile"
  network = "none"
}
